# Build warnings are errors (project standard). Applied to our own targets through this interface library.
add_library(isletsim_warnings INTERFACE)
target_compile_options(isletsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Werror)
# -Wnull-dereference is left out: with GCC 12 at -O2 it reports false positives inside libstdc++'s stream
# iterators (seen in tests reading files), which -Werror would turn into build failures.
