-- The warehouse's current version of each (kecamatan_key, tahun) that a submission of this load
-- transaction belongs to is superseded by the first new one of that identity (pipeline.load,
-- after versions.sql; the new rows are not inserted yet). One UPDATE for the whole transaction.
-- _lakip_plan: the rows of versions.sql.
UPDATE submissions AS s SET
    is_current = false,
    superseded_by = p.submission_id,
    superseded_at = p.loaded_at
FROM _lakip_plan AS p
WHERE p.first_of_group
    AND s.kecamatan_key = p.kecamatan_key
    AND s.tahun = p.tahun
    AND s.is_current;
