-- The allocation office's staff (Het Vierde Huis, role allocation_officer) allocate homes of the
-- whole region through the scattered route: like the other roles that work with the stock they
-- see every location and unit (no personal data). What they see of candidates goes through the
-- offers they are party to (migration 0019).
CREATE OR REPLACE FUNCTION app_sees_all_stock() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT app_has_role('programme_office') OR app_has_role('administrator') OR app_has_role('care_worker')
         OR app_has_role('care_manager') OR app_has_role('assessor') OR app_has_role('referrer')
         OR app_has_role('allocation_officer') $$;

-- They read candidates' names and contact details: a second factor like every such role.
ALTER TABLE security_settings ALTER COLUMN totp_required_roles
  SET DEFAULT ARRAY['programme_office','care_worker','care_manager','corporation','assessor','referrer','administrator','allocation_officer'];
UPDATE security_settings SET totp_required_roles = totp_required_roles || 'allocation_officer'::text
 WHERE 'corporation' = ANY (totp_required_roles) AND NOT 'allocation_officer' = ANY (totp_required_roles);
