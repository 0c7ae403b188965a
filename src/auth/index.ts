export { createAccount, issueActivation, setPassword } from './accounts.js';
export {
  setConfirmedTotp,
  passwordLogin,
  verifySecondFactor,
  logout,
  type LoginResult,
  type LoginStep,
} from './service.js';
export { resolveSession, type ResolvedSession, type SessionStage } from './session.js';
export {
  findUserByEmail,
  findUserById,
  revokeUserSessions,
  updateUser,
  deleteStaleSessions,
  displayNames,
} from './store.js';
export { demoTotpSecret, isDemoAccount, DEMO_DOMAIN } from './demo.js';
export { totpCode } from './totp.js';
export { authRoutes } from './routes.js';
export { hashPassword as slowHash, verifyPassword as verifySlowHash } from './passwords.js';
