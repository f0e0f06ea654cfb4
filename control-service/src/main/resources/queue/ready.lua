if field('driver') ~= user then
  return result('not_your_turn', false)
end
if field('phase') ~= 'ready' then
  return result('status', false)
end
redis.call('HDEL', state, 'readyBy', 'graceBy')
redis.call('HSET', state, 'phase', 'driving', 'turnEndsAt', now + turnMs, 'idleBy', now + idleMs)
reschedule()
return result('turn_started', true)
