#ifndef SVIRT_TRACE_CPOSTGRES_SHIM_H
#define SVIRT_TRACE_CPOSTGRES_SHIM_H
#include <libpq-fe.h>
#endif
