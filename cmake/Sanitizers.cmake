# Hardening builds (./test.sh --sanitize makes one in build-sanitize/):
#  FRAGMENTLAB_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on everything this project
#    compiles (Qt, OpenCV and LibTorch are Debian's, uninstrumented). Any UBSan finding aborts
#    (-fno-sanitize-recover), so a test with a finding fails. Run-time options and the few
#    third-party suppressions: tests/sanitizers/ (see README.md there).
#  FRAGMENTLAB_FUZZ: libFuzzer targets in tests/fuzz (clang only; implies coverage
#    instrumentation of the code under test).
option(FRAGMENTLAB_SANITIZE "Build with AddressSanitizer + UndefinedBehaviorSanitizer" OFF)
option(FRAGMENTLAB_FUZZ "Build the libFuzzer targets (clang; use with FRAGMENTLAB_SANITIZE)" OFF)

if(FRAGMENTLAB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  message(STATUS "FragmentLab: ASan + UBSan build")
endif()

if(FRAGMENTLAB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "FRAGMENTLAB_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
  message(STATUS "FragmentLab: libFuzzer targets")
endif()
