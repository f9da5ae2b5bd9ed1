# The batched backend's SIMD kernels (src/engine/simd/): xsimd from Debian (libxsimd-dev) gives the lane types and
# their exp/tanh; each kernel file is compiled for its own instruction set and chosen at run time
# (engine/simd/lane_kernels.cpp), so the binary runs on any x86-64 processor. -ffp-contract=off and no -mfma: every
# instruction set performs the same IEEE operations per lane, hence the same bits.
# Headers only. Not find_package(xsimd): Debian's config names the optional xtl library as a link dependency, which
# the project neither needs nor installs.
find_path(XSIMD_INCLUDE_DIR xsimd/xsimd.hpp REQUIRED)
add_library(isletsim_xsimd INTERFACE)
target_include_directories(isletsim_xsimd SYSTEM INTERFACE ${XSIMD_INCLUDE_DIR})
if(NOT CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  message(FATAL_ERROR "the batched backend's kernels are written for x86-64 (SSE2, AVX2); "
                      "this is ${CMAKE_SYSTEM_PROCESSOR}")
endif()
function(isletsim_simd_kernels target)
  target_link_libraries(${target} PRIVATE isletsim_xsimd)
  set(simd_dir "${CMAKE_SOURCE_DIR}/src/engine/simd")
  set_source_files_properties("${simd_dir}/lane_kernel_sse2.cpp" TARGET_DIRECTORY ${target}
                              PROPERTIES COMPILE_OPTIONS "-msse2;-ffp-contract=off")
  set_source_files_properties("${simd_dir}/lane_kernel_avx2.cpp" TARGET_DIRECTORY ${target}
                              PROPERTIES COMPILE_OPTIONS "-mavx2;-ffp-contract=off")
endfunction()
