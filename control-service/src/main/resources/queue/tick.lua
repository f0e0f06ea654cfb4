-- Ends whatever deadline has passed; safe to run from every instance at once.
if not field('driver') then
  if redis.call('ZCARD', waiting) > 0 then
    promote()
    return result('promoted', true)
  end
  reschedule()
  return result('status', false)
end
local grace = number('graceBy')
local event
if field('phase') == 'ready' then
  if now >= number('readyBy') then event = 'skipped' end
elseif now >= number('turnEndsAt') then
  event = 'turn_ended'
elseif now >= number('idleBy') then
  event = 'idle'
end
if not event and grace > 0 and now >= grace then event = 'disconnected' end
if not event then
  reschedule()
  return result('status', false)
end
promote()
return result(event, true)
