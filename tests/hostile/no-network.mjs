// Test support, loaded with `node --import`: any attempt to open a network
// connection (net, http, https, fetch all end in Socket#connect) or to look
// up a host name is written to stderr and fails. Local IPC (Unix sockets,
// pipes to child processes such as esbuild's) is let through.
import dns from 'node:dns'
import net from 'node:net'
import { syncBuiltinESMExports } from 'node:module'

function refuse(what) {
  process.stderr.write(`wirefeed-test: network used: ${what}\n`)
  throw new Error(`network use refused by the test: ${what}`)
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  // net normalises its arguments to [options, callback] before calling this.
  const options = Array.isArray(args[0]) ? args[0][0] : args[0]
  // A Unix socket or pipe (`path`) is a local IPC channel (tsx talks to its own), not the network.
  if (options && typeof options === 'object' && options.path !== undefined && options.port === undefined) return connect.apply(this, args)
  const target = options && typeof options === 'object' ? `${options.host}:${options.port}` : String(options)
  refuse(`connect ${target}`)
}
dns.lookup = (host) => refuse(`dns.lookup ${host}`)
dns.promises.lookup = async (host) => refuse(`dns.promises.lookup ${host}`)
dns.resolve = (host) => refuse(`dns.resolve ${host}`)
dns.promises.resolve = async (host) => refuse(`dns.promises.resolve ${host}`)
syncBuiltinESMExports()
