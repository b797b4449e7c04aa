-- Nights (of an eviction) are checked against the calendar like days (of a placement à
-- l'extérieur): a nights entry is one date and counts exactly 1, and no two such entries of a
-- measure share a date. Entries recorded before that already are one night on a date of their own
-- become such entries, as V202612061310 did for days.
--
-- Written to run on both kinds of database a landed main can have left: one migrated by the
-- V202612061310 of 2f4460c (days only) and one migrated by the V202612061310 of 07ec5e2, which
-- already did this for nights.
update measure_quantity_entry e set day = true
where not e.day
  and e.quantity = 1
  and exists (select 1 from measure m join measure_type t on t.id = m.measure_type_id
              where m.id = e.measure_id and t.tracked_quantity = 'NIGHTS')
  and not exists (select 1 from measure_quantity_entry o
                  where o.measure_id = e.measure_id and o.entry_date = e.entry_date and o.id <> e.id);
