-- Sets the remaining lease of the lock, only if this grant still holds it.
-- KEYS[1] the lock; ARGV[1] the holder's token, ARGV[2] the new lease in milliseconds.
-- Returns 1 when extended, 0 when not held.
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
