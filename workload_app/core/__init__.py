"""The pure core: case numbers, parameters, standard cases, quotas, assessment. No Qt, no SQL, no files."""
