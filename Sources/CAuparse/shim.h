#ifndef SVIRT_TRACE_CAUPARSE_SHIM_H
#define SVIRT_TRACE_CAUPARSE_SHIM_H
#include <auparse.h>
#include <libaudit.h>
#endif
