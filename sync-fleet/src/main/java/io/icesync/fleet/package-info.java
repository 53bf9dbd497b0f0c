/**
 * Many accounts on several machines: the state of every account in one PostgreSQL database
 * ({@link io.icesync.fleet.PostgresStateStore}), the accounts and their schedules in Quartz's clustered
 * job store on the same database ({@link io.icesync.fleet.FleetNode}), each account's files under a
 * root shared by the nodes ({@link io.icesync.fleet.LocalStoreFactory}) and its password in a
 * {@link io.icesync.core.spi.SecretStore} ({@link io.icesync.fleet.SecretStoreFactory}).
 */
package io.icesync.fleet;
