-- Ends whatever deadline has passed; safe to run from every instance at once. When a late
-- tick finds several passed, the earliest one is the reason the turn ended.
if not field('driver') then
  if redis.call('ZCARD', waiting) > 0 then
    promote()
    return result('promoted', true)
  end
  reschedule()
  return result('status', false)
end
local event, first
local function passed(deadline, name)
  if deadline > 0 and now >= deadline and (not first or deadline < first) then
    event, first = name, deadline
  end
end
if field('phase') == 'ready' then
  passed(number('readyBy'), 'skipped')
else
  passed(number('turnEndsAt'), 'turn_ended')
  passed(number('idleBy'), 'idle')
end
passed(number('graceBy'), 'disconnected')
if not event then
  reschedule()
  return result('status', false)
end
promote()
return result(event, true)
