-- An operator ends the current turn (or ready check) at once; the next in line is promoted.
if not field('driver') then
  return result('status', false)
end
promote()
return result('skipped', true)
