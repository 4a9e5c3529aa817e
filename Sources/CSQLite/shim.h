#ifndef SVIRT_TRACE_CSQLITE_SHIM_H
#define SVIRT_TRACE_CSQLITE_SHIM_H
#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call. Memory statistics, which nothing here
   reads, take a process-wide mutex on every allocation SQLite makes (several per row
   inserted). Must run before the first connection opens; SQLITE_MISUSE after that. */
static inline int svirt_trace_sqlite_without_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
