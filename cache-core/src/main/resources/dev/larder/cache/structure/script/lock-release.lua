-- Releases the lock only if this grant still holds it: a holder whose lease ran out must not
-- free the lock of the holder that came after it.
-- KEYS[1] the lock; ARGV[1] the holder's token. Returns 1 when released, 0 when not held.
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0
