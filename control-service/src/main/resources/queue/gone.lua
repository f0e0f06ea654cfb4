-- The driver's last socket closed: the turn survives a reconnect within the grace period.
if field('driver') == user and number('graceBy') == 0 then
  redis.call('HSET', state, 'graceBy', now + graceMs)
  reschedule()
end
return result('status', false)
