-- Row-level security on the partnership facts, as on every table with an organisation_id: the
-- feed writes and replaces an association's rows under that association's tenant only; the
-- national observatory reads every row under ${observatory_role}, as it reads obs_month.
alter table obs_partner_level enable row level security;
create policy tenant_isolation on obs_partner_level
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
create policy observatory_read on obs_partner_level for select to ${observatory_role} using (true);

alter table obs_partner_occupancy enable row level security;
create policy tenant_isolation on obs_partner_occupancy
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
create policy observatory_read on obs_partner_occupancy for select to ${observatory_role} using (true);
