-- One-time facts about this installation, e.g. that the demo company has been loaded.
create table application_flags (
    name   varchar(100) primary key,
    set_at timestamptz  not null default now()
);
