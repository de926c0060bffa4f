-- A token bucket kept as one number, the theoretical arrival time (GCRA): the bucket is full when
-- tat <= now, and each permit pushes tat one emission interval further. All times in microseconds.
-- KEYS[1] the bucket
-- ARGV[1] emission interval (period / permits, rounded up), ARGV[2] capacity in permits,
-- ARGV[3] permits asked, ARGV[4] now, or '' to read the server's clock
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
local interval = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local asked = tonumber(ARGV[3])
local now
if ARGV[4] ~= '' then
	now = tonumber(ARGV[4])
else
	local time = redis.call('TIME')
	now = tonumber(time[1]) * 1000000 + tonumber(time[2])
end
local burst = interval * capacity
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then
	tat = now
end
local newTat = tat + asked * interval
local allowAt = newTat - burst
if allowAt > now then
	-- Denied: nothing is written, so a denied request consumes nothing.
	return {0, math.max(0, math.floor((burst - (tat - now)) / interval)), allowAt - now}
end
-- The key lives as long as the bucket is not full: once tat has passed, it holds nothing.
redis.call('SET', KEYS[1], digits(newTat), 'PX', math.ceil((newTat - now) / 1000))
return {1, math.floor((burst - (newTat - now)) / interval), 0}
