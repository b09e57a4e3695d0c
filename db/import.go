package db

import (
	"context"
	"errors"

	"standmap/model"
)

// Import is a stub until the batch import lands.
func (s *SQLite) Import(ctx context.Context, rs []model.Response, skipConflicts bool) (ImportResult, error) {
	return ImportResult{}, errors.New("import: not implemented yet")
}
