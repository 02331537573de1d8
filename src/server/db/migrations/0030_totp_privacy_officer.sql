-- The data-protection officer reads the region's access log and exports whole records: their
-- role needs a second factor like every other role that sees personal data.
ALTER TABLE security_settings ALTER COLUMN totp_required_roles
  SET DEFAULT ARRAY['programme_office','care_worker','care_manager','corporation','assessor','referrer','administrator','privacy_officer'];
UPDATE security_settings SET totp_required_roles = array_append(totp_required_roles, 'privacy_officer')
 WHERE NOT ('privacy_officer' = ANY (totp_required_roles)) AND 'administrator' = ANY (totp_required_roles);
