-- Reference data: regions and the municipalities of 2025 (owner: reference/). Sources: reference/data/README.md.

create table regions (
  kind text not null check (kind in ('politie-eenheid', 'riec', 'veiligheidsregio', 'zorgcoordinatie')),
  code text not null,
  name text not null,
  -- Shown to users as "to be confirmed" until checked against the authoritative source.
  to_be_confirmed boolean not null default false,
  source text not null,
  primary key (kind, code)
);

create table municipalities (
  year integer not null,
  code text not null check (code ~ '^GM[0-9]{4}$'),
  name text not null,
  safety_region_code text not null,
  police_unit_code text not null,
  riec_code text not null,
  care_region_code text not null,
  primary key (year, code),
  foreign key (safety_region_kind, safety_region_code) references regions (kind, code),
  foreign key (police_unit_kind, police_unit_code) references regions (kind, code),
  foreign key (riec_kind, riec_code) references regions (kind, code),
  foreign key (care_region_kind, care_region_code) references regions (kind, code) on update cascade,
  safety_region_kind text not null default 'veiligheidsregio' check (safety_region_kind = 'veiligheidsregio'),
  police_unit_kind text not null default 'politie-eenheid' check (police_unit_kind = 'politie-eenheid'),
  riec_kind text not null default 'riec' check (riec_kind = 'riec'),
  care_region_kind text not null default 'zorgcoordinatie' check (care_region_kind = 'zorgcoordinatie')
);
create index municipalities_code_idx on municipalities (code);

create temporary table municipality_import_2025 (
  gemeentecode text, gemeentenaam text, veiligheidsregio_code text, veiligheidsregio_naam text,
  politie_eenheid text, riec text
) on commit drop;

-- @csv ../../reference/data/gemeenten-2025.csv municipality_import_2025

insert into regions (kind, code, name, to_be_confirmed, source)
select distinct 'veiligheidsregio', veiligheidsregio_code, veiligheidsregio_naam, false, 'gemeenten-2025.csv'
from municipality_import_2025;

insert into regions (kind, code, name, to_be_confirmed, source)
select distinct 'politie-eenheid', lower(regexp_replace(politie_eenheid, '[^A-Za-z]+', '-', 'g')), politie_eenheid,
  true, 'gemeenten-2025.csv (derived from the safety region; confirm against CBS 86059NED)'
from municipality_import_2025;

insert into regions (kind, code, name, to_be_confirmed, source)
select distinct 'riec', lower(regexp_replace(riec, '[^A-Za-z]+', '-', 'g')), riec,
  true, 'gemeenten-2025.csv (derived from the police unit; confirm against CBS 86059NED)'
from municipality_import_2025;

-- No official list of care-coordination regions exists: start from the safety regions, marked to be confirmed,
-- editable by a national beheerder (reference/data/README.md).
insert into regions (kind, code, name, to_be_confirmed, source)
select distinct 'zorgcoordinatie', 'zc-' || lower(veiligheidsregio_code), 'Zorgcoördinatie ' || veiligheidsregio_naam,
  true, 'provisional: follows the safety region until a national beheerder maintains the real regions'
from municipality_import_2025;

insert into municipalities (year, code, name, safety_region_code, police_unit_code, riec_code, care_region_code)
select 2025, gemeentecode, gemeentenaam, veiligheidsregio_code,
  lower(regexp_replace(politie_eenheid, '[^A-Za-z]+', '-', 'g')),
  lower(regexp_replace(riec, '[^A-Za-z]+', '-', 'g')),
  'zc-' || lower(veiligheidsregio_code)
from municipality_import_2025;
