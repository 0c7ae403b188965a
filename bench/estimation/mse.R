# Multiple systems estimation done with R's glm, for bench/estimation.ts and as an independent check of
# src/estimation: written plainly in R, the way an analyst would with glm in a loop. The exhaustive mode fits all
# 2^(pairs) models with glm and no existence check, as the reference search in expected.json did; the stepwise mode
# follows SparseMSE's rule (checking only the candidates it would add), and the bootstrap mode SparseMSE's BCa
# interval with R's random stream.
#
#   Rscript bench/estimation/mse.R FILE.csv exhaustive [aic|bic]
#   Rscript bench/estimation/mse.R FILE.csv stepwise
#   Rscript bench/estimation/mse.R FILE.csv bootstrap [NBOOT] [SEED]
#
# Prints one JSON line. The existence check (Fienberg-Rinaldo linear program) needs the lpSolve package (Debian:
# apt-get install r-cran-lpsolve); without it the stepwise rule only checks identifiability, and says so.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: Rscript mse.R FILE.csv exhaustive|stepwise|bootstrap [options]")
have_lp <- requireNamespace("lpSolve", quietly = TRUE)

raw <- read.csv(args[1], check.names = FALSE)
m <- ncol(raw) - 1
lists <- names(raw)[1:m]
safe <- paste0("L", seq_len(m)) # syntactic names for formulas
bits <- 2^(0:(m - 1))

# All observable cells (bitmask 1 .. 2^m - 1) with their counts.
cells <- 1:(2^m - 1)
design <- sapply(seq_len(m), function(i) as.integer(bitwAnd(cells, bits[i]) > 0))
colnames(design) <- safe
cell_counts <- function(rows) {
  y <- numeric(length(cells))
  code <- as.vector(as.matrix(rows[, 1:m]) %*% bits)
  for (j in seq_along(code)) y[code[j]] <- y[code[j]] + rows[j, m + 1]
  y
}
y0 <- cell_counts(raw)
pairs <- combn(m, 2)
pair_names <- apply(pairs, 2, function(p) paste(lists[p], collapse = ":"))
pair_terms <- apply(pairs, 2, function(p) paste(safe[p], collapse = ":"))

# One 0/1 column per pair: the cells that contain both lists.
pair_cells <- apply(pairs, 2, function(p) design[, p[1]] * design[, p[2]])
colnames(pair_cells) <- pair_terms
overlaps <- function(y) as.vector(crossprod(pair_cells, y))

# Fits main effects plus the pairs in `inc` (logical over pairs). Pairs with no overlap are structural zeros: their
# cells are dropped and the parameter is counted in the AIC.
fit_model <- function(y, inc, overlap = overlaps(y)) {
  zero <- inc & overlap == 0
  keep <- if (any(zero)) rowSums(pair_cells[, zero, drop = FALSE]) == 0 else rep(TRUE, length(y))
  dat <- data.frame(design[keep, , drop = FALSE], pair_cells[keep, inc & overlap > 0, drop = FALSE], count = y[keep],
                    check.names = FALSE)
  fit <- glm(count ~ ., family = poisson, data = dat)
  list(fit = fit, aic = fit$aic + 2 * sum(zero), bic = fit$aic - 2 * fit$rank + log(sum(y)) * (fit$rank + sum(zero)),
       keep = keep, overlap = overlap)
}

# Existence (LP) and identifiability (rank) of a model, as SparseMSE's checkident().
usable <- function(y, inc) {
  overlap <- overlaps(y)
  keep <- rep(TRUE, length(y))
  for (j in which(inc & overlap == 0)) keep <- keep & !(design[, pairs[1, j]] & design[, pairs[2, j]])
  x <- cbind(1, design[keep, , drop = FALSE])
  for (j in which(inc & overlap > 0)) x <- cbind(x, design[keep, pairs[1, j]] * design[keep, pairs[2, j]])
  if (qr(x)$rank < ncol(x)) return(FALSE)
  if (!have_lp) return(TRUE)
  n <- nrow(x)
  lp <- lpSolve::lp("max", c(rep(0, n), 1), rbind(cbind(t(x), 0), cbind(diag(n), -1)),
                    c(rep("=", ncol(x)), rep(">=", n)), c(t(x) %*% y[keep], rep(0, n)))
  lp$objval > 1e-9 * max(sum(y), 1000)
}

stepwise <- function(y, pthresh = 0.02) {
  inc <- rep(FALSE, ncol(pairs))
  cur <- fit_model(y, inc)
  repeat {
    mu <- numeric(length(y))
    mu[cur$keep] <- fitted(cur$fit)
    p <- rep(1, ncol(pairs))
    for (j in which(!inc)) {
      expected <- sum(mu * design[, pairs[1, j]] * design[, pairs[2, j]])
      n <- cur$overlap[j]
      p[j] <- min(ppois(n, expected), ppois(n - 1, expected, lower.tail = FALSE))
    }
    best <- NA
    for (j in order(p)) {
      if (p[j] >= pthresh) break
      trial <- inc
      trial[j] <- TRUE
      if (usable(y, trial)) {
        best <- j
        break
      }
    }
    if (is.na(best)) return(cur)
    inc[best] <- TRUE
    cur <- fit_model(y, inc)
    cur$inc <- inc
  }
}

total_of <- function(f, y) sum(y) + exp(coef(f$fit)[1])
lognormal <- function(f, y) {
  b <- coef(f$fit)[1]
  se <- sqrt(summary(f$fit)$cov.unscaled[1, 1])
  sum(y) + exp(qnorm(c(0.025, 0.975), b, se))
}
json_num <- function(x) format(x, digits = 10, scientific = FALSE, trim = TRUE)
json_str <- function(x) if (length(x) == 0) "[]" else paste0("[", paste0('"', x, '"', collapse = ","), "]")
mode <- args[2]
started <- proc.time()[["elapsed"]]

if (mode == "exhaustive") {
  criterion <- if (length(args) >= 3) args[3] else "aic"
  best <- Inf
  best_mask <- NA
  overlap0 <- overlaps(y0)
  for (mask in 0:(2^ncol(pairs) - 1)) {
    inc <- bitwAnd(mask, 2^(0:(ncol(pairs) - 1))) > 0
    f <- fit_model(y0, inc, overlap0)
    v <- if (criterion == "bic") f$bic else f$aic
    if (v < best) {
      best <- v
      best_mask <- mask
      best_fit <- f
    }
  }
  inc <- bitwAnd(best_mask, 2^(0:(ncol(pairs) - 1))) > 0
  ci <- lognormal(best_fit, y0)
  cat(sprintf('{"mode":"exhaustive","seconds":%s,"models":%d,"interactions":%s,"%s":%s,"total":%s,"lower":%s,"upper":%s}\n',
              json_num(proc.time()[["elapsed"]] - started), 2^ncol(pairs), json_str(pair_names[inc]), criterion,
              json_num(best), json_num(total_of(best_fit, y0)), json_num(ci[1]), json_num(ci[2])))
} else if (mode == "stepwise") {
  f <- stepwise(y0)
  inc <- if (is.null(f$inc)) rep(FALSE, ncol(pairs)) else f$inc
  ci <- lognormal(f, y0)
  cat(sprintf('{"mode":"stepwise","seconds":%s,"lp":%s,"interactions":%s,"aic":%s,"total":%s,"lower":%s,"upper":%s}\n',
              json_num(proc.time()[["elapsed"]] - started), tolower(have_lp), json_str(pair_names[inc]),
              json_num(f$aic), json_num(total_of(f, y0)), json_num(ci[1]), json_num(ci[2])))
} else if (mode == "bootstrap") {
  nboot <- if (length(args) >= 3) as.integer(args[3]) else 1000
  set.seed(if (length(args) >= 4) as.integer(args[4]) else 1234)
  point <- total_of(stepwise(y0), y0)
  obs <- which(y0 > 0)
  reps <- replicate(nboot, {
    y <- numeric(length(y0))
    y[obs] <- rmultinom(1, sum(y0), y0[obs])
    total_of(stepwise(y), y)
  })
  jack <- sapply(obs, function(i) {
    y <- y0
    y[i] <- y[i] - 1
    total_of(stepwise(y), y)
  })
  w <- y0[obs]
  jr <- sum(w * jack) / sum(w) - jack
  a <- sum(w * jr^3) / (6 * sum(w * jr^2)^1.5)
  z0 <- qnorm(mean(reps < point))
  za <- qnorm(c(0.025, 0.975)) + z0
  ci <- quantile(reps, pnorm(z0 + za / (1 - a * za)), type = 8)
  cat(sprintf('{"mode":"bootstrap","seconds":%s,"nboot":%d,"total":%s,"lower":%s,"upper":%s,"acceleration":%s,"z0":%s}\n',
              json_num(proc.time()[["elapsed"]] - started), nboot, json_num(point), json_num(ci[1]), json_num(ci[2]),
              format(a, digits = 17), json_num(z0)))
} else {
  stop("unknown mode ", mode)
}
