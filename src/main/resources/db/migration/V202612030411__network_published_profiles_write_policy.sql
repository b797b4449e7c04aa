-- The published profiles are public (anyone may read them, with or without a tenant), but only the
-- federation writes them, when it approves a change: row-level security now says so in the
-- database instead of the application alone (and every table carrying an organisation_id is
-- protected by policies, as the row-level security test requires).
alter table association_profile enable row level security;
create policy public_read on association_profile for select using (true);
create policy federation_write on association_profile for all
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table association_profile_court enable row level security;
create policy public_read on association_profile_court for select using (true);
create policy federation_write on association_profile_court for all
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table association_profile_activity enable row level security;
create policy public_read on association_profile_activity for select using (true);
create policy federation_write on association_profile_activity for all
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());
