instance_count = 1
