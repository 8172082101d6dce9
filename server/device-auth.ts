/**
 * Which paired device a request comes from: the `__Host-kiosk-device` cookie (HttpOnly,
 * Secure, SameSite=Strict, Path=/, no Domain: the `__Host-` prefix makes the browser refuse it
 * otherwise) checked against the device registry on every request, so a revoked device is
 * refused at once.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deviceCallerId, type Device, type DeviceRegistry } from '../core/devices/registry.ts';
import { CoreError, type Caller } from '../core/handler.ts';
import { MESSAGES, refuse } from './http-errors.ts';

export const DEVICE_COOKIE = '__Host-kiosk-device';
/** Chromium caps cookie lifetimes at 400 days; the registry decides how long a credential is good. */
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;
const CREDENTIAL_MAX = 512;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireDevice on routes that need a paired device. */
    pairedDevice: Device | null;
  }
}

export function deviceCookie(credential: string): string {
  return `${DEVICE_COOKIE}=${credential}; Max-Age=${COOKIE_MAX_AGE_S}; Path=/; Secure; HttpOnly; SameSite=Strict`;
}

export function credentialOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value.length > 0 && value.length <= CREDENTIAL_MAX && /^[A-Za-z0-9._~+/=-]+$/.test(value) ? value : null;
  }
  return null;
}

/**
 * The caller the core sees for a device: one staff session per paired device. A paired kiosk is
 * a `kiosk-device` (it may forward intakes, core/network/), a browser a `staff-device`.
 */
export function deviceCaller(device: Device): Caller {
  return { id: deviceCallerId(device.id), kind: device.kind === 'kiosk' ? 'kiosk-device' : 'staff-device' };
}

/** The registry's answer; a registry that cannot answer (store down) is `unavailable`, never a pass. */
export async function authenticateDevice(devices: DeviceRegistry, credential: string | null): Promise<Device | null | 'unavailable'> {
  if (!credential) return null;
  try {
    return await devices.authenticate(credential);
  } catch (error) {
    if (error instanceof CoreError && error.code !== 'unavailable') return null;
    return 'unavailable';
  }
}

/** onRequest hook: a paired device, or 401 `not_paired`. */
export function requireDevice(devices: DeviceRegistry) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const device = await authenticateDevice(devices, credentialOf(request));
    if (device === 'unavailable') return refuse(reply, 503, 'unavailable', MESSAGES.devicesUnavailable);
    if (!device) return refuse(reply, 401, 'not_paired', MESSAGES.notPaired);
    request.pairedDevice = device;
  };
}
