-- A sliding log: one sorted-set entry per granted permit, scored by its grant time; a permit
-- counts while it is younger than the period. All times in microseconds.
-- KEYS[1] the log
-- ARGV[1] permits per period, ARGV[2] period, ARGV[3] permits asked,
-- ARGV[4] now, or '' to read the server's clock, ARGV[5] a token unique to this request
-- Returns {1 allowed / 0 denied, permits left now, microseconds until the request would pass}.
-- Integers as digits: tostring writes 1.7e+15 (%.14g), and %d is 32-bit in some Lua runtimes.
local function digits(n)
	if n < 0 then
		return '-' .. digits(-n)
	end
	if n < 1000000000 then
		return string.format('%d', n)
	end
	return string.format('%d%09d', math.floor(n / 1000000000), n % 1000000000)
end
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local asked = tonumber(ARGV[3])
local now
if ARGV[4] ~= '' then
	now = tonumber(ARGV[4])
else
	local time = redis.call('TIME')
	now = tonumber(time[1]) * 1000000 + tonumber(time[2])
end
local nowText = digits(now)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', digits(now - period))
local used = redis.call('ZCARD', KEYS[1])
if used + asked > limit then
	-- Denied: the request passes once the oldest (used + asked - limit) grants have left the window.
	local index = used + asked - limit - 1
	local leaving = redis.call('ZRANGE', KEYS[1], index, index, 'WITHSCORES')
	return {0, math.max(0, limit - used), tonumber(leaving[2]) + period - now}
end
for i = 1, asked do
	redis.call('ZADD', KEYS[1], nowText, nowText .. ':' .. ARGV[5] .. ':' .. i)
end
redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
return {1, limit - used - asked, 0}
