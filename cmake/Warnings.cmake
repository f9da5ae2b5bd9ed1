# Build warnings are errors (project standard). Applied to our own targets through this interface library.
add_library(isletsim_warnings INTERFACE)
target_compile_options(isletsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Werror)
