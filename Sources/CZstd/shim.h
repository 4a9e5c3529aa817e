#ifndef SVIRT_TRACE_CZSTD_SHIM_H
#define SVIRT_TRACE_CZSTD_SHIM_H
#include <zstd.h>
#endif
