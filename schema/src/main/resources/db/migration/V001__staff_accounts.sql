-- Staff and partner log-in accounts in the layout of Spring Security's JdbcUserDetailsManager.
create table users (
    username   varchar(100) primary key,
    password   varchar(500) not null,
    enabled    boolean      not null,
    created_at timestamptz  not null default now()
);

create table authorities (
    username  varchar(100) not null references users (username) on delete cascade,
    authority varchar(100) not null,
    primary key (username, authority)
);
