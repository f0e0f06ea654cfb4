return result('status', false)
