-- A place reserved under a convention names one of the association's conventions (the places and
-- the conventions were built side by side; this links them). The composite key keeps the
-- convention in the place's association.
alter table partner_place
    add constraint partner_place_convention_fk foreign key (convention_id, organisation_id)
        references partner_convention (id, organisation_id);
create index partner_place_convention_idx on partner_place (convention_id) where convention_id is not null;
