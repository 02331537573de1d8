// The Drizzle schema, one file per noun; it mirrors the SQL migrations in ../migrations.
export * from './regions.js';
export * from './organisations.js';
export * from './users.js';
export * from './programmes.js';
export * from './locations.js';
export * from './participants.js';
export * from './eligibility.js';
export * from './calls.js';
export * from './notifications.js';
export * from './offers.js';
