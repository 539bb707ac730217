"""The duplicate finder: candidate pairs by blocking keys, scored and sorted into lanes."""
