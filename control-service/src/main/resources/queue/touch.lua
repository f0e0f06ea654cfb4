-- The driver is active: push the idle deadline and cancel a pending disconnect grace.
if field('driver') == user and field('phase') == 'driving' then
  redis.call('HDEL', state, 'graceBy')
  redis.call('HSET', state, 'idleBy', now + idleMs)
  reschedule()
end
return result('status', false)
