# ckyc_embed_files(TARGET name FILES a.csv b.csv ...)
#
# Compiles the shipped reference data (data/*.csv) into the binary so that `ckyc` works from
# any directory without an install step. At run time CKYC_DATA_DIR may point at a folder that
# overrides these copies (see src/core/data_files.h).
function(ckyc_embed_files)
  cmake_parse_arguments(ARG "" "TARGET" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_data.cc")
  set(script "${PROJECT_SOURCE_DIR}/cmake/EmbedDataGen.cmake")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${ARG_FILES}" -P ${script}
    DEPENDS ${ARG_FILES} ${script}
    COMMENT "Embedding reference data"
    VERBATIM)
  add_library(${ARG_TARGET} STATIC "${out}")
  target_include_directories(${ARG_TARGET} PUBLIC "${PROJECT_SOURCE_DIR}/src")
endfunction()
