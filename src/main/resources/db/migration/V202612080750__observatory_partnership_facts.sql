-- National observatory: the partnership facts of each association, aggregates only, written by the
-- observatory's PartnershipFeed from what the partners module computes for the association (its
-- partners by type and current level, the occupancy of its partners' sites by month). No partner,
-- site or person is named here: a count of partners with the sum of their record keys (the cell-key
-- perturbation, ADR 0009), and place-days by month. The national observatory reads them under
-- ${observatory_role}, like the measures' aggregates.

-- Partners (not archived) of an association by type and current partnership level (0: never assessed).
create table obs_partner_level (
    organisation_id  uuid         not null,
    partner_type     varchar(30)  not null,
    level            smallint     not null check (level between 0 and 4),
    partners         int          not null check (partners > 0),
    key_sum          bigint       not null check (key_sum >= 0),
    primary key (organisation_id, partner_type, level)
);

-- Place-days available and booked on the sites of an association's partners, by month.
create table obs_partner_occupancy (
    organisation_id  uuid         not null,
    month            date         not null check (month = date_trunc('month', month)),
    available_days   bigint       not null check (available_days > 0),
    booked_days      bigint       not null check (booked_days between 0 and available_days),
    primary key (organisation_id, month)
);

revoke all on obs_partner_level, obs_partner_occupancy from ${app_role};
grant select, insert, delete on obs_partner_level, obs_partner_occupancy to ${app_role};
grant select on obs_partner_level, obs_partner_occupancy to ${observatory_role};
