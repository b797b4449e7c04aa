-- Reference data: the French cours d'appel and tribunaux judiciaires (editable in the application).
create table court_of_appeal (
    code        varchar(32)  primary key,
    name        text         not null,
    seat_city   text         not null,
    latitude    numeric(9,6) not null,
    longitude   numeric(9,6) not null,
    source      text         not null,
    updated_at  timestamptz  not null default now(),
    updated_by  uuid
);

create table judicial_court (
    code                  varchar(32)  primary key,
    name                  text         not null,
    seat_city             text         not null,
    departement_code      varchar(3)   not null,
    departement_name      text         not null,
    court_of_appeal_code  varchar(32)  not null references court_of_appeal (code),
    latitude              numeric(9,6) not null,
    longitude             numeric(9,6) not null,
    source                text         not null,
    updated_at            timestamptz  not null default now(),
    updated_by            uuid
);
create index judicial_court_ca_idx on judicial_court (court_of_appeal_code);
create index judicial_court_dept_idx on judicial_court (departement_code);

-- Cours d'appel (36 : 30 en métropole, 6 outre-mer)
insert into court_of_appeal (code, name, seat_city, latitude, longitude, source) values
    ('CA-AGEN', 'Cour d''appel d''Agen', 'Agen', 44.20199, 0.62055, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-AIX-EN-PROVENCE', 'Cour d''appel d''Aix-en-Provence', 'Aix-en-Provence', 43.52830, 5.44973, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-AMIENS', 'Cour d''appel d''Amiens', 'Amiens', 49.89420, 2.29570, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-ANGERS', 'Cour d''appel d''Angers', 'Angers', 47.47381, -0.54774, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-BASSE-TERRE', 'Cour d''appel de Basse-Terre', 'Basse-Terre', 15.99714, -61.73214, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-BASTIA', 'Cour d''appel de Bastia', 'Bastia', 42.69750, 9.45090, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-BESANCON', 'Cour d''appel de Besançon', 'Besançon', 47.24878, 6.01815, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-BORDEAUX', 'Cour d''appel de Bordeaux', 'Bordeaux', 44.84044, -0.58050, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-BOURGES', 'Cour d''appel de Bourges', 'Bourges', 47.08100, 2.39880, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-CAEN', 'Cour d''appel de Caen', 'Caen', 49.18585, -0.35912, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-CAYENNE', 'Cour d''appel de Cayenne', 'Cayenne', 4.93720, -52.32600, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-CHAMBERY', 'Cour d''appel de Chambéry', 'Chambéry', 45.56628, 5.92079, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-COLMAR', 'Cour d''appel de Colmar', 'Colmar', 48.08078, 7.35584, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-DIJON', 'Cour d''appel de Dijon', 'Dijon', 47.32200, 5.04150, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-DOUAI', 'Cour d''appel de Douai', 'Douai', 50.37069, 3.07922, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-FORT-DE-FRANCE', 'Cour d''appel de Fort-de-France', 'Fort-de-France', 14.60365, -61.07418, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-GRENOBLE', 'Cour d''appel de Grenoble', 'Grenoble', 45.17869, 5.71479, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-LIMOGES', 'Cour d''appel de Limoges', 'Limoges', 45.83362, 1.24759, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-LYON', 'Cour d''appel de Lyon', 'Lyon', 45.76400, 4.83570, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-METZ', 'Cour d''appel de Metz', 'Metz', 49.11911, 6.17269, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-MONTPELLIER', 'Cour d''appel de Montpellier', 'Montpellier', 43.61092, 3.87723, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-NANCY', 'Cour d''appel de Nancy', 'Nancy', 48.68439, 6.18496, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-NIMES', 'Cour d''appel de Nîmes', 'Nîmes', 43.83378, 4.35962, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-NOUMEA', 'Cour d''appel de Nouméa', 'Nouméa', -22.27407, 166.44884, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-ORLEANS', 'Cour d''appel d''Orléans', 'Orléans', 47.90289, 1.90389, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-PAPEETE', 'Cour d''appel de Papeete', 'Papeete', -17.53733, -149.56650, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-PARIS', 'Cour d''appel de Paris', 'Paris', 48.85660, 2.35220, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-PAU', 'Cour d''appel de Pau', 'Pau', 43.31117, -0.35583, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-POITIERS', 'Cour d''appel de Poitiers', 'Poitiers', 46.58261, 0.34348, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-REIMS', 'Cour d''appel de Reims', 'Reims', 49.26526, 4.02853, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-RENNES', 'Cour d''appel de Rennes', 'Rennes', 48.11198, -1.67429, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-RIOM', 'Cour d''appel de Riom', 'Riom', 45.89362, 3.11264, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-ROUEN', 'Cour d''appel de Rouen', 'Rouen', 49.44313, 1.09932, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-SAINT-DENIS', 'Cour d''appel de Saint-Denis de La Réunion', 'Saint-Denis', -20.88231, 55.45040, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-TOULOUSE', 'Cour d''appel de Toulouse', 'Toulouse', 43.60426, 1.44367, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('CA-VERSAILLES', 'Cour d''appel de Versailles', 'Versailles', 48.80359, 2.13424, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Tribunaux judiciaires (et tribunaux de première instance des collectivités du Pacifique), par cour d'appel

-- Cour d'appel d'Agen
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-AUCH', 'Tribunal judiciaire d''Auch', 'Auch', '32', 'Gers', 'CA-AGEN', 43.64540, 0.58793, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CAHORS', 'Tribunal judiciaire de Cahors', 'Cahors', '46', 'Lot', 'CA-AGEN', 44.44910, 1.43663, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-AGEN', 'Tribunal judiciaire d''Agen', 'Agen', '47', 'Lot-et-Garonne', 'CA-AGEN', 44.20199, 0.62055, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel d'Aix-en-Provence
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-DIGNE-LES-BAINS', 'Tribunal judiciaire de Digne-les-Bains', 'Digne-les-Bains', '04', 'Alpes-de-Haute-Provence', 'CA-AIX-EN-PROVENCE', 44.09252, 6.23199, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-GRASSE', 'Tribunal judiciaire de Grasse', 'Grasse', '06', 'Alpes-Maritimes', 'CA-AIX-EN-PROVENCE', 43.65783, 6.92537, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NICE', 'Tribunal judiciaire de Nice', 'Nice', '06', 'Alpes-Maritimes', 'CA-AIX-EN-PROVENCE', 43.70313, 7.26608, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-AIX-EN-PROVENCE', 'Tribunal judiciaire d''Aix-en-Provence', 'Aix-en-Provence', '13', 'Bouches-du-Rhône', 'CA-AIX-EN-PROVENCE', 43.52830, 5.44973, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MARSEILLE', 'Tribunal judiciaire de Marseille', 'Marseille', '13', 'Bouches-du-Rhône', 'CA-AIX-EN-PROVENCE', 43.29695, 5.38107, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-TARASCON', 'Tribunal judiciaire de Tarascon', 'Tarascon', '13', 'Bouches-du-Rhône', 'CA-AIX-EN-PROVENCE', 43.80583, 4.66028, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-DRAGUIGNAN', 'Tribunal judiciaire de Draguignan', 'Draguignan', '83', 'Var', 'CA-AIX-EN-PROVENCE', 43.53692, 6.46458, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-TOULON', 'Tribunal judiciaire de Toulon', 'Toulon', '83', 'Var', 'CA-AIX-EN-PROVENCE', 43.12442, 5.92836, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel d'Amiens
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-LAON', 'Tribunal judiciaire de Laon', 'Laon', '02', 'Aisne', 'CA-AMIENS', 49.56310, 3.62714, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINT-QUENTIN', 'Tribunal judiciaire de Saint-Quentin', 'Saint-Quentin', '02', 'Aisne', 'CA-AMIENS', 49.84889, 3.28757, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SOISSONS', 'Tribunal judiciaire de Soissons', 'Soissons', '02', 'Aisne', 'CA-AMIENS', 49.38167, 3.32361, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BEAUVAIS', 'Tribunal judiciaire de Beauvais', 'Beauvais', '60', 'Oise', 'CA-AMIENS', 49.43030, 2.08110, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-COMPIEGNE', 'Tribunal judiciaire de Compiègne', 'Compiègne', '60', 'Oise', 'CA-AMIENS', 49.41794, 2.82606, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SENLIS', 'Tribunal judiciaire de Senlis', 'Senlis', '60', 'Oise', 'CA-AMIENS', 49.20724, 2.58661, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-AMIENS', 'Tribunal judiciaire d''Amiens', 'Amiens', '80', 'Somme', 'CA-AMIENS', 49.89420, 2.29570, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel d'Angers
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-ANGERS', 'Tribunal judiciaire d''Angers', 'Angers', '49', 'Maine-et-Loire', 'CA-ANGERS', 47.47381, -0.54774, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAUMUR', 'Tribunal judiciaire de Saumur', 'Saumur', '49', 'Maine-et-Loire', 'CA-ANGERS', 47.25908, -0.07796, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LAVAL', 'Tribunal judiciaire de Laval', 'Laval', '53', 'Mayenne', 'CA-ANGERS', 48.07320, -0.76340, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LE-MANS', 'Tribunal judiciaire du Mans', 'Le Mans', '72', 'Sarthe', 'CA-ANGERS', 48.00039, 0.20471, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Basse-Terre
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-BASSE-TERRE', 'Tribunal judiciaire de Basse-Terre', 'Basse-Terre', '971', 'Guadeloupe', 'CA-BASSE-TERRE', 15.99714, -61.73214, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-POINTE-A-PITRE', 'Tribunal judiciaire de Pointe-à-Pitre', 'Pointe-à-Pitre', '971', 'Guadeloupe', 'CA-BASSE-TERRE', 16.24125, -61.53614, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Bastia
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-AJACCIO', 'Tribunal judiciaire d''Ajaccio', 'Ajaccio', '2A', 'Corse-du-Sud', 'CA-BASTIA', 41.91886, 8.73812, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BASTIA', 'Tribunal judiciaire de Bastia', 'Bastia', '2B', 'Haute-Corse', 'CA-BASTIA', 42.69750, 9.45090, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Besançon
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-BESANCON', 'Tribunal judiciaire de Besançon', 'Besançon', '25', 'Doubs', 'CA-BESANCON', 47.24878, 6.01815, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MONTBELIARD', 'Tribunal judiciaire de Montbéliard', 'Montbéliard', '25', 'Doubs', 'CA-BESANCON', 47.50957, 6.79823, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LONS-LE-SAUNIER', 'Tribunal judiciaire de Lons-le-Saunier', 'Lons-le-Saunier', '39', 'Jura', 'CA-BESANCON', 46.67535, 5.55575, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VESOUL', 'Tribunal judiciaire de Vesoul', 'Vesoul', '70', 'Haute-Saône', 'CA-BESANCON', 47.62604, 6.14251, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BELFORT', 'Tribunal judiciaire de Belfort', 'Belfort', '90', 'Territoire de Belfort', 'CA-BESANCON', 47.64218, 6.85385, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Bordeaux
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-ANGOULEME', 'Tribunal judiciaire d''Angoulême', 'Angoulême', '16', 'Charente', 'CA-BORDEAUX', 45.64997, 0.15345, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BERGERAC', 'Tribunal judiciaire de Bergerac', 'Bergerac', '24', 'Dordogne', 'CA-BORDEAUX', 44.85157, 0.48171, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-PERIGUEUX', 'Tribunal judiciaire de Périgueux', 'Périgueux', '24', 'Dordogne', 'CA-BORDEAUX', 45.18691, 0.71439, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BORDEAUX', 'Tribunal judiciaire de Bordeaux', 'Bordeaux', '33', 'Gironde', 'CA-BORDEAUX', 44.84044, -0.58050, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LIBOURNE', 'Tribunal judiciaire de Libourne', 'Libourne', '33', 'Gironde', 'CA-BORDEAUX', 44.91449, -0.24186, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Bourges
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-BOURGES', 'Tribunal judiciaire de Bourges', 'Bourges', '18', 'Cher', 'CA-BOURGES', 47.08100, 2.39880, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CHATEAUROUX', 'Tribunal judiciaire de Châteauroux', 'Châteauroux', '36', 'Indre', 'CA-BOURGES', 46.81248, 1.69362, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NEVERS', 'Tribunal judiciaire de Nevers', 'Nevers', '58', 'Nièvre', 'CA-BOURGES', 46.98956, 3.15900, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Caen
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-CAEN', 'Tribunal judiciaire de Caen', 'Caen', '14', 'Calvados', 'CA-CAEN', 49.18585, -0.35912, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LISIEUX', 'Tribunal judiciaire de Lisieux', 'Lisieux', '14', 'Calvados', 'CA-CAEN', 49.14660, 0.22925, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CHERBOURG-EN-COTENTIN', 'Tribunal judiciaire de Cherbourg-en-Cotentin', 'Cherbourg-en-Cotentin', '50', 'Manche', 'CA-CAEN', 49.63984, -1.61636, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-COUTANCES', 'Tribunal judiciaire de Coutances', 'Coutances', '50', 'Manche', 'CA-CAEN', 49.04541, -1.44518, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ALENCON', 'Tribunal judiciaire d''Alençon', 'Alençon', '61', 'Orne', 'CA-CAEN', 48.43476, 0.09311, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ARGENTAN', 'Tribunal judiciaire d''Argentan', 'Argentan', '61', 'Orne', 'CA-CAEN', 48.74441, -0.02023, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Cayenne
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-CAYENNE', 'Tribunal judiciaire de Cayenne', 'Cayenne', '973', 'Guyane', 'CA-CAYENNE', 4.93720, -52.32600, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Chambéry
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-ALBERTVILLE', 'Tribunal judiciaire d''Albertville', 'Albertville', '73', 'Savoie', 'CA-CHAMBERY', 45.67452, 6.39061, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CHAMBERY', 'Tribunal judiciaire de Chambéry', 'Chambéry', '73', 'Savoie', 'CA-CHAMBERY', 45.56628, 5.92079, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ANNECY', 'Tribunal judiciaire d''Annecy', 'Annecy', '74', 'Haute-Savoie', 'CA-CHAMBERY', 45.90878, 6.12565, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BONNEVILLE', 'Tribunal judiciaire de Bonneville', 'Bonneville', '74', 'Haute-Savoie', 'CA-CHAMBERY', 46.08020, 6.40726, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-THONON-LES-BAINS', 'Tribunal judiciaire de Thonon-les-Bains', 'Thonon-les-Bains', '74', 'Haute-Savoie', 'CA-CHAMBERY', 46.37049, 6.47985, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Colmar
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-SAVERNE', 'Tribunal judiciaire de Saverne', 'Saverne', '67', 'Bas-Rhin', 'CA-COLMAR', 48.74164, 7.36221, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-STRASBOURG', 'Tribunal judiciaire de Strasbourg', 'Strasbourg', '67', 'Bas-Rhin', 'CA-COLMAR', 48.58392, 7.74553, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-COLMAR', 'Tribunal judiciaire de Colmar', 'Colmar', '68', 'Haut-Rhin', 'CA-COLMAR', 48.08078, 7.35584, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MULHOUSE', 'Tribunal judiciaire de Mulhouse', 'Mulhouse', '68', 'Haut-Rhin', 'CA-COLMAR', 47.75205, 7.32866, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Dijon
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-DIJON', 'Tribunal judiciaire de Dijon', 'Dijon', '21', 'Côte-d''Or', 'CA-DIJON', 47.32200, 5.04150, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CHAUMONT', 'Tribunal judiciaire de Chaumont', 'Chaumont', '52', 'Haute-Marne', 'CA-DIJON', 48.11121, 5.14134, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CHALON-SUR-SAONE', 'Tribunal judiciaire de Chalon-sur-Saône', 'Chalon-sur-Saône', '71', 'Saône-et-Loire', 'CA-DIJON', 46.78112, 4.85372, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MACON', 'Tribunal judiciaire de Mâcon', 'Mâcon', '71', 'Saône-et-Loire', 'CA-DIJON', 46.31407, 4.82823, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Douai
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-AVESNES-SUR-HELPE', 'Tribunal judiciaire d''Avesnes-sur-Helpe', 'Avesnes-sur-Helpe', '59', 'Nord', 'CA-DOUAI', 50.12372, 3.92570, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CAMBRAI', 'Tribunal judiciaire de Cambrai', 'Cambrai', '59', 'Nord', 'CA-DOUAI', 50.17596, 3.23472, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-DOUAI', 'Tribunal judiciaire de Douai', 'Douai', '59', 'Nord', 'CA-DOUAI', 50.37069, 3.07922, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-DUNKERQUE', 'Tribunal judiciaire de Dunkerque', 'Dunkerque', '59', 'Nord', 'CA-DOUAI', 51.03297, 2.37700, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LILLE', 'Tribunal judiciaire de Lille', 'Lille', '59', 'Nord', 'CA-DOUAI', 50.63297, 3.05858, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VALENCIENNES', 'Tribunal judiciaire de Valenciennes', 'Valenciennes', '59', 'Nord', 'CA-DOUAI', 50.35909, 3.52506, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ARRAS', 'Tribunal judiciaire d''Arras', 'Arras', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.29301, 2.78186, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BETHUNE', 'Tribunal judiciaire de Béthune', 'Béthune', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.52965, 2.64003, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BOULOGNE-SUR-MER', 'Tribunal judiciaire de Boulogne-sur-Mer', 'Boulogne-sur-Mer', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.72571, 1.61392, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINT-OMER', 'Tribunal judiciaire de Saint-Omer', 'Saint-Omer', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.74834, 2.26091, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Fort-de-France
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-FORT-DE-FRANCE', 'Tribunal judiciaire de Fort-de-France', 'Fort-de-France', '972', 'Martinique', 'CA-FORT-DE-FRANCE', 14.60365, -61.07418, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Grenoble
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-GAP', 'Tribunal judiciaire de Gap', 'Gap', '05', 'Hautes-Alpes', 'CA-GRENOBLE', 44.55858, 6.07868, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VALENCE', 'Tribunal judiciaire de Valence', 'Valence', '26', 'Drôme', 'CA-GRENOBLE', 44.92560, 4.90956, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BOURGOIN-JALLIEU', 'Tribunal judiciaire de Bourgoin-Jallieu', 'Bourgoin-Jallieu', '38', 'Isère', 'CA-GRENOBLE', 45.58611, 5.27361, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-GRENOBLE', 'Tribunal judiciaire de Grenoble', 'Grenoble', '38', 'Isère', 'CA-GRENOBLE', 45.17869, 5.71479, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VIENNE', 'Tribunal judiciaire de Vienne', 'Vienne', '38', 'Isère', 'CA-GRENOBLE', 45.52569, 4.87484, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Limoges
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-BRIVE-LA-GAILLARDE', 'Tribunal judiciaire de Brive-la-Gaillarde', 'Brive-la-Gaillarde', '19', 'Corrèze', 'CA-LIMOGES', 45.15890, 1.53326, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-TULLE', 'Tribunal judiciaire de Tulle', 'Tulle', '19', 'Corrèze', 'CA-LIMOGES', 45.26582, 1.77233, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-GUERET', 'Tribunal judiciaire de Guéret', 'Guéret', '23', 'Creuse', 'CA-LIMOGES', 46.17185, 1.87166, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LIMOGES', 'Tribunal judiciaire de Limoges', 'Limoges', '87', 'Haute-Vienne', 'CA-LIMOGES', 45.83362, 1.24759, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Lyon
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-BOURG-EN-BRESSE', 'Tribunal judiciaire de Bourg-en-Bresse', 'Bourg-en-Bresse', '01', 'Ain', 'CA-LYON', 46.20574, 5.22580, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ROANNE', 'Tribunal judiciaire de Roanne', 'Roanne', '42', 'Loire', 'CA-LYON', 46.03624, 4.06802, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINT-ETIENNE', 'Tribunal judiciaire de Saint-Étienne', 'Saint-Étienne', '42', 'Loire', 'CA-LYON', 45.43389, 4.39000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LYON', 'Tribunal judiciaire de Lyon', 'Lyon', '69', 'Rhône', 'CA-LYON', 45.76400, 4.83570, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VILLEFRANCHE-SUR-SAONE', 'Tribunal judiciaire de Villefranche-sur-Saône', 'Villefranche-sur-Saône', '69', 'Rhône', 'CA-LYON', 45.98967, 4.71961, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Metz
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-METZ', 'Tribunal judiciaire de Metz', 'Metz', '57', 'Moselle', 'CA-METZ', 49.11911, 6.17269, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SARREGUEMINES', 'Tribunal judiciaire de Sarreguemines', 'Sarreguemines', '57', 'Moselle', 'CA-METZ', 49.10995, 7.06747, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-THIONVILLE', 'Tribunal judiciaire de Thionville', 'Thionville', '57', 'Moselle', 'CA-METZ', 49.35994, 6.16044, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Montpellier
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-CARCASSONNE', 'Tribunal judiciaire de Carcassonne', 'Carcassonne', '11', 'Aude', 'CA-MONTPELLIER', 43.21351, 2.35162, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NARBONNE', 'Tribunal judiciaire de Narbonne', 'Narbonne', '11', 'Aude', 'CA-MONTPELLIER', 43.18396, 3.00141, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-RODEZ', 'Tribunal judiciaire de Rodez', 'Rodez', '12', 'Aveyron', 'CA-MONTPELLIER', 44.35258, 2.57338, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BEZIERS', 'Tribunal judiciaire de Béziers', 'Béziers', '34', 'Hérault', 'CA-MONTPELLIER', 43.34122, 3.21402, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MONTPELLIER', 'Tribunal judiciaire de Montpellier', 'Montpellier', '34', 'Hérault', 'CA-MONTPELLIER', 43.61092, 3.87723, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-PERPIGNAN', 'Tribunal judiciaire de Perpignan', 'Perpignan', '66', 'Pyrénées-Orientales', 'CA-MONTPELLIER', 42.69764, 2.89541, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Nancy
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-NANCY', 'Tribunal judiciaire de Nancy', 'Nancy', '54', 'Meurthe-et-Moselle', 'CA-NANCY', 48.68439, 6.18496, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VAL-DE-BRIEY', 'Tribunal judiciaire de Val de Briey', 'Val de Briey', '54', 'Meurthe-et-Moselle', 'CA-NANCY', 49.24920, 5.93975, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BAR-LE-DUC', 'Tribunal judiciaire de Bar-le-Duc', 'Bar-le-Duc', '55', 'Meuse', 'CA-NANCY', 48.77275, 5.16108, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VERDUN', 'Tribunal judiciaire de Verdun', 'Verdun', '55', 'Meuse', 'CA-NANCY', 49.15964, 5.38290, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-EPINAL', 'Tribunal judiciaire d''Épinal', 'Épinal', '88', 'Vosges', 'CA-NANCY', 48.18324, 6.45304, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Nîmes
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-PRIVAS', 'Tribunal judiciaire de Privas', 'Privas', '07', 'Ardèche', 'CA-NIMES', 44.73500, 4.59918, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ALES', 'Tribunal judiciaire d''Alès', 'Alès', '30', 'Gard', 'CA-NIMES', 44.12489, 4.08082, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NIMES', 'Tribunal judiciaire de Nîmes', 'Nîmes', '30', 'Gard', 'CA-NIMES', 43.83378, 4.35962, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MENDE', 'Tribunal judiciaire de Mende', 'Mende', '48', 'Lozère', 'CA-NIMES', 44.51849, 3.50372, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-AVIGNON', 'Tribunal judiciaire d''Avignon', 'Avignon', '84', 'Vaucluse', 'CA-NIMES', 43.94834, 4.80892, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CARPENTRAS', 'Tribunal judiciaire de Carpentras', 'Carpentras', '84', 'Vaucluse', 'CA-NIMES', 44.05507, 5.04813, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Nouméa
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-MATA-UTU', 'Tribunal de première instance de Mata-Utu', 'Mata-Utu', '986', 'Wallis-et-Futuna', 'CA-NOUMEA', -13.28163, -176.17453, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NOUMEA', 'Tribunal de première instance de Nouméa', 'Nouméa', '988', 'Nouvelle-Calédonie', 'CA-NOUMEA', -22.27407, 166.44884, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel d'Orléans
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-TOURS', 'Tribunal judiciaire de Tours', 'Tours', '37', 'Indre-et-Loire', 'CA-ORLEANS', 47.39484, 0.70398, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BLOIS', 'Tribunal judiciaire de Blois', 'Blois', '41', 'Loir-et-Cher', 'CA-ORLEANS', 47.59432, 1.32912, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MONTARGIS', 'Tribunal judiciaire de Montargis', 'Montargis', '45', 'Loiret', 'CA-ORLEANS', 47.99696, 2.73261, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ORLEANS', 'Tribunal judiciaire d''Orléans', 'Orléans', '45', 'Loiret', 'CA-ORLEANS', 47.90289, 1.90389, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Papeete
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-PAPEETE', 'Tribunal de première instance de Papeete', 'Papeete', '987', 'Polynésie française', 'CA-PAPEETE', -17.53733, -149.56650, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Paris
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-PARIS', 'Tribunal judiciaire de Paris', 'Paris', '75', 'Paris', 'CA-PARIS', 48.85660, 2.35220, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-FONTAINEBLEAU', 'Tribunal judiciaire de Fontainebleau', 'Fontainebleau', '77', 'Seine-et-Marne', 'CA-PARIS', 48.40908, 2.70177, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MEAUX', 'Tribunal judiciaire de Meaux', 'Meaux', '77', 'Seine-et-Marne', 'CA-PARIS', 48.96014, 2.87885, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MELUN', 'Tribunal judiciaire de Melun', 'Melun', '77', 'Seine-et-Marne', 'CA-PARIS', 48.54570, 2.65356, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-AUXERRE', 'Tribunal judiciaire d''Auxerre', 'Auxerre', '89', 'Yonne', 'CA-PARIS', 47.79960, 3.57033, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SENS', 'Tribunal judiciaire de Sens', 'Sens', '89', 'Yonne', 'CA-PARIS', 48.19738, 3.28328, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-EVRY-COURCOURONNES', 'Tribunal judiciaire d''Évry-Courcouronnes', 'Évry-Courcouronnes', '91', 'Essonne', 'CA-PARIS', 48.63280, 2.44049, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BOBIGNY', 'Tribunal judiciaire de Bobigny', 'Bobigny', '93', 'Seine-Saint-Denis', 'CA-PARIS', 48.90982, 2.45012, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CRETEIL', 'Tribunal judiciaire de Créteil', 'Créteil', '94', 'Val-de-Marne', 'CA-PARIS', 48.79266, 2.46569, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Pau
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-DAX', 'Tribunal judiciaire de Dax', 'Dax', '40', 'Landes', 'CA-PAU', 43.71032, -1.05366, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MONT-DE-MARSAN', 'Tribunal judiciaire de Mont-de-Marsan', 'Mont-de-Marsan', '40', 'Landes', 'CA-PAU', 43.89022, -0.49713, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BAYONNE', 'Tribunal judiciaire de Bayonne', 'Bayonne', '64', 'Pyrénées-Atlantiques', 'CA-PAU', 43.49316, -1.47300, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-PAU', 'Tribunal judiciaire de Pau', 'Pau', '64', 'Pyrénées-Atlantiques', 'CA-PAU', 43.31117, -0.35583, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-TARBES', 'Tribunal judiciaire de Tarbes', 'Tarbes', '65', 'Hautes-Pyrénées', 'CA-PAU', 43.23280, 0.07810, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Poitiers
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-LA-ROCHELLE', 'Tribunal judiciaire de La Rochelle', 'La Rochelle', '17', 'Charente-Maritime', 'CA-POITIERS', 46.16308, -1.15222, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINTES', 'Tribunal judiciaire de Saintes', 'Saintes', '17', 'Charente-Maritime', 'CA-POITIERS', 45.74742, -0.63489, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NIORT', 'Tribunal judiciaire de Niort', 'Niort', '79', 'Deux-Sèvres', 'CA-POITIERS', 46.32313, -0.45877, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LA-ROCHE-SUR-YON', 'Tribunal judiciaire de La Roche-sur-Yon', 'La Roche-sur-Yon', '85', 'Vendée', 'CA-POITIERS', 46.67050, -1.42600, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LES-SABLES-D-OLONNE', 'Tribunal judiciaire des Sables-d''Olonne', 'Les Sables-d''Olonne', '85', 'Vendée', 'CA-POITIERS', 46.49645, -1.78472, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-POITIERS', 'Tribunal judiciaire de Poitiers', 'Poitiers', '86', 'Vienne', 'CA-POITIERS', 46.58261, 0.34348, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Reims
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-CHARLEVILLE-MEZIERES', 'Tribunal judiciaire de Charleville-Mézières', 'Charleville-Mézières', '08', 'Ardennes', 'CA-REIMS', 49.76850, 4.72487, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-TROYES', 'Tribunal judiciaire de Troyes', 'Troyes', '10', 'Aube', 'CA-REIMS', 48.30073, 4.08524, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CHALONS-EN-CHAMPAGNE', 'Tribunal judiciaire de Châlons-en-Champagne', 'Châlons-en-Champagne', '51', 'Marne', 'CA-REIMS', 48.95393, 4.36724, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-REIMS', 'Tribunal judiciaire de Reims', 'Reims', '51', 'Marne', 'CA-REIMS', 49.26526, 4.02853, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Rennes
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-SAINT-BRIEUC', 'Tribunal judiciaire de Saint-Brieuc', 'Saint-Brieuc', '22', 'Côtes-d''Armor', 'CA-RENNES', 48.51513, -2.76838, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-BREST', 'Tribunal judiciaire de Brest', 'Brest', '29', 'Finistère', 'CA-RENNES', 48.39029, -4.48628, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-QUIMPER', 'Tribunal judiciaire de Quimper', 'Quimper', '29', 'Finistère', 'CA-RENNES', 47.99600, -4.10240, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-RENNES', 'Tribunal judiciaire de Rennes', 'Rennes', '35', 'Ille-et-Vilaine', 'CA-RENNES', 48.11198, -1.67429, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINT-MALO', 'Tribunal judiciaire de Saint-Malo', 'Saint-Malo', '35', 'Ille-et-Vilaine', 'CA-RENNES', 48.64720, -2.00883, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NANTES', 'Tribunal judiciaire de Nantes', 'Nantes', '44', 'Loire-Atlantique', 'CA-RENNES', 47.21725, -1.55336, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINT-NAZAIRE', 'Tribunal judiciaire de Saint-Nazaire', 'Saint-Nazaire', '44', 'Loire-Atlantique', 'CA-RENNES', 47.27956, -2.20993, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LORIENT', 'Tribunal judiciaire de Lorient', 'Lorient', '56', 'Morbihan', 'CA-RENNES', 47.74589, -3.36643, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VANNES', 'Tribunal judiciaire de Vannes', 'Vannes', '56', 'Morbihan', 'CA-RENNES', 47.65790, -2.75574, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Riom
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-CUSSET', 'Tribunal judiciaire de Cusset', 'Cusset', '03', 'Allier', 'CA-RIOM', 46.13452, 3.45639, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MONTLUCON', 'Tribunal judiciaire de Montluçon', 'Montluçon', '03', 'Allier', 'CA-RIOM', 46.34015, 2.60254, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MOULINS', 'Tribunal judiciaire de Moulins', 'Moulins', '03', 'Allier', 'CA-RIOM', 46.56459, 3.33243, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-AURILLAC', 'Tribunal judiciaire d''Aurillac', 'Aurillac', '15', 'Cantal', 'CA-RIOM', 44.92539, 2.43983, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LE-PUY-EN-VELAY', 'Tribunal judiciaire du Puy-en-Velay', 'Le Puy-en-Velay', '43', 'Haute-Loire', 'CA-RIOM', 45.04366, 3.88523, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CLERMONT-FERRAND', 'Tribunal judiciaire de Clermont-Ferrand', 'Clermont-Ferrand', '63', 'Puy-de-Dôme', 'CA-RIOM', 45.77969, 3.08682, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Rouen
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-EVREUX', 'Tribunal judiciaire d''Évreux', 'Évreux', '27', 'Eure', 'CA-ROUEN', 49.02414, 1.15082, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-DIEPPE', 'Tribunal judiciaire de Dieppe', 'Dieppe', '76', 'Seine-Maritime', 'CA-ROUEN', 49.92160, 1.07772, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-LE-HAVRE', 'Tribunal judiciaire du Havre', 'Le Havre', '76', 'Seine-Maritime', 'CA-ROUEN', 49.49380, 0.10767, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ROUEN', 'Tribunal judiciaire de Rouen', 'Rouen', '76', 'Seine-Maritime', 'CA-ROUEN', 49.44313, 1.09932, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Saint-Denis de La Réunion
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-SAINT-DENIS-REUNION', 'Tribunal judiciaire de Saint-Denis', 'Saint-Denis', '974', 'La Réunion', 'CA-SAINT-DENIS', -20.88231, 55.45040, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINT-PIERRE-REUNION', 'Tribunal judiciaire de Saint-Pierre', 'Saint-Pierre', '974', 'La Réunion', 'CA-SAINT-DENIS', -21.33930, 55.47811, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MAMOUDZOU', 'Tribunal judiciaire de Mamoudzou', 'Mamoudzou', '976', 'Mayotte', 'CA-SAINT-DENIS', -12.78234, 45.22878, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Toulouse
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-FOIX', 'Tribunal judiciaire de Foix', 'Foix', '09', 'Ariège', 'CA-TOULOUSE', 42.96046, 1.60787, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-SAINT-GAUDENS', 'Tribunal judiciaire de Saint-Gaudens', 'Saint-Gaudens', '31', 'Haute-Garonne', 'CA-TOULOUSE', 43.10809, 0.72345, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-TOULOUSE', 'Tribunal judiciaire de Toulouse', 'Toulouse', '31', 'Haute-Garonne', 'CA-TOULOUSE', 43.60426, 1.44367, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-ALBI', 'Tribunal judiciaire d''Albi', 'Albi', '81', 'Tarn', 'CA-TOULOUSE', 43.92980, 2.14800, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-CASTRES', 'Tribunal judiciaire de Castres', 'Castres', '81', 'Tarn', 'CA-TOULOUSE', 43.60589, 2.23992, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-MONTAUBAN', 'Tribunal judiciaire de Montauban', 'Montauban', '82', 'Tarn-et-Garonne', 'CA-TOULOUSE', 44.01819, 1.36432, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');

-- Cour d'appel de Versailles
insert into judicial_court (code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude, source) values
    ('TJ-CHARTRES', 'Tribunal judiciaire de Chartres', 'Chartres', '28', 'Eure-et-Loir', 'CA-VERSAILLES', 48.44685, 1.48925, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-VERSAILLES', 'Tribunal judiciaire de Versailles', 'Versailles', '78', 'Yvelines', 'CA-VERSAILLES', 48.80359, 2.13424, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-NANTERRE', 'Tribunal judiciaire de Nanterre', 'Nanterre', '92', 'Hauts-de-Seine', 'CA-VERSAILLES', 48.89198, 2.20675, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège'),
    ('TJ-PONTOISE', 'Tribunal judiciaire de Pontoise', 'Pontoise', '95', 'Val-d''Oise', 'CA-VERSAILLES', 49.05050, 2.10090, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège');
