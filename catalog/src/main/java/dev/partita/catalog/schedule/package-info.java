/** Cron schedules (AWS and Unix forms) and a crawler that runs on them. */
package dev.partita.catalog.schedule;
