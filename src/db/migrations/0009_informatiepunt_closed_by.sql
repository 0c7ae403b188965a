-- Who made a report meeting's minutes final (owner: signals/informatiepunt). Null for meetings still open.
alter table informatiepunt_meetings add column closed_by uuid references users (id) on delete set null;
