-- Grants the lock if nobody holds it, and issues the grant's fencing token.
-- KEYS[1] the lock, KEYS[2] its fence counter (same hash tag, same slot)
-- ARGV[1] the holder's token (unique per grant), ARGV[2] the lease in milliseconds
-- Returns {1, fencing token} when granted, {0, milliseconds left on the holder's lease} when not.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
	-- The counter never expires, so a token is never issued twice, even after the lock key expired.
	return {1, redis.call('INCR', KEYS[2])}
end
return {0, redis.call('PTTL', KEYS[1])}
