-- An operator empties the queue: the driver's turn ends and nobody waits any more.
local had = field('driver') or redis.call('ZCARD', waiting) > 0
redis.call('DEL', waiting)
promote()
if not had then
  return result('status', false)
end
return result('cleared', true)
