if field('driver') == user then
  promote()
  return result('driver_left', true)
end
if redis.call('ZREM', waiting, user) == 1 then
  return result('left', true)
end
return result('status', false)
