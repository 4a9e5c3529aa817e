#ifndef SVIRT_TRACE_CSQLITE_SHIM_H
#define SVIRT_TRACE_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
