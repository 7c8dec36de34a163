#ifndef TENBOARD_CNCURSESW_SHIM_H
#define TENBOARD_CNCURSESW_SHIM_H
// Wide-character API of ncurses (wadd_wch, wget_wch…) needs this before curses.h.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#endif
