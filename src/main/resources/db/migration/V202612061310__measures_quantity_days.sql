-- Days of a placement à l'extérieur are checked against the calendar: a days entry ("day") is one
-- date and counts exactly 1, and no two days entries of a measure share a date (the unique index
-- holds even for two writers at the same moment). Entries recorded before stay as they were —
-- counted, listed and correctable (edited or deleted with a reason) — and only those that already
-- are one day on a date of their own become days entries.
alter table measure_quantity_entry add column day boolean not null default false;
update measure_quantity_entry e set day = true
where e.quantity = 1
  and exists (select 1 from measure m join measure_type t on t.id = m.measure_type_id
              where m.id = e.measure_id and t.tracked_quantity = 'DAYS')
  and not exists (select 1 from measure_quantity_entry o
                  where o.measure_id = e.measure_id and o.entry_date = e.entry_date and o.id <> e.id);
alter table measure_quantity_entry add constraint measure_quantity_entry_day_counts_one check (not day or quantity = 1);
create unique index measure_quantity_entry_one_day_per_date on measure_quantity_entry (measure_id, entry_date) where day;

-- The last correction of an entry (who and when; the reason and the values before and after are in
-- the audit trail).
alter table measure_quantity_entry add column corrected_at timestamptz, add column corrected_by uuid;
