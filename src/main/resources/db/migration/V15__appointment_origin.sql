-- SAS interface (issue 17): where a booking came from when another platform sent the user to the console
-- (the SAS platform's `origin=` parameter on a slot's booking address). NULL for the secretariat's own bookings.
ALTER TABLE appointment ADD COLUMN origin text CHECK (origin IS NULL OR origin ~ '^[!-~]{1,100}$');
CREATE INDEX appointment_origin_idx ON appointment (origin, start_at) WHERE origin IS NOT NULL;
