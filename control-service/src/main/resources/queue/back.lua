if field('driver') == user and number('graceBy') > 0 then
  redis.call('HDEL', state, 'graceBy')
  reschedule()
end
return result('status', false)
