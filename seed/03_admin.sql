-- The first national administrator: logs in, creates the other users and their tokens.
INSERT INTO humas.users (email, full_name, unit_id, role)
SELECT 'admin@kpu.go.id', 'Administrator KPU RI', u.id, 'admin'
FROM humas.units u WHERE u.code = 'ID'
ON CONFLICT (email) DO NOTHING;
