// Tremplin: LTI platform storage (1EdTech "Client Side postMessages" and "Platform Storage"
// drafts; LTI.md §1.6). Served from /lti/storage.js; reads its inputs from the data attributes of
// #lti-storage (server-escaped) and never writes HTML.
(function () {
  'use strict';
  var config = document.getElementById('lti-storage');
  if (!config) {
    return;
  }
  var d = config.dataset;
  var timeout = parseInt(d.timeout, 10) || 2000;
  var platform = window.parent !== window ? window.parent : window.opener;
  var pending = {};
  var sequence = 0;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.subject !== 'string') {
      return;
    }
    var id = typeof data.message_id === 'string' ? data.message_id : null;
    var waiter = id !== null ? pending[id] : null;
    if (!waiter && id === null) {
      // Some platforms answer lti.capabilities without echoing the message id.
      Object.keys(pending).forEach(function (key) {
        if (!waiter && pending[key].subject === 'lti.capabilities') {
          id = key;
          waiter = pending[key];
        }
      });
    }
    if (!waiter || data.subject !== waiter.subject + '.response') {
      return;
    }
    if (waiter.origin !== '*' && event.origin !== waiter.origin) {
      return;
    }
    delete pending[id];
    waiter.resolve(data);
  });

  function messageId() {
    sequence += 1;
    var random = new Uint32Array(2);
    window.crypto.getRandomValues(random);
    return 'tremplin-' + sequence + '-' + random[0].toString(36) + random[1].toString(36);
  }

  // Posts a message and resolves with its response, or null on timeout or failure.
  function send(target, origin, message) {
    return new Promise(function (resolve) {
      var id = messageId();
      message.message_id = id;
      var timer = window.setTimeout(function () {
        delete pending[id];
        resolve(null);
      }, timeout);
      pending[id] = {
        subject: message.subject,
        origin: origin,
        resolve: function (data) {
          window.clearTimeout(timer);
          resolve(data);
        }
      };
      try {
        target.postMessage(message, origin);
      } catch (e) {
        window.clearTimeout(timer);
        delete pending[id];
        resolve(null);
      }
    });
  }

  function frame(name) {
    if (!platform) {
      return null;
    }
    if (!name || name === '_parent') {
      return platform;
    }
    try {
      return platform.frames[name] || null;
    } catch (e) {
      return null;
    }
  }

  // The window taking lti.put_data / lti.get_data: as announced by lti.capabilities when the
  // platform answers it, else the login's lti_storage_target; null when there is none.
  function storageWindow(subject) {
    if (!platform) {
      return Promise.resolve(null);
    }
    return send(platform, '*', { subject: 'lti.capabilities' }).then(function (answer) {
      if (!answer || answer.error || !Array.isArray(answer.supported_messages)) {
        return frame(d.target);
      }
      var supported = answer.supported_messages.filter(function (m) {
        return m && m.subject === subject;
      });
      if (supported.length === 0) {
        return null;
      }
      return frame(typeof supported[0].frame === 'string' ? supported[0].frame : d.target);
    });
  }

  function answered(answer, key) {
    return !!answer && !answer.error && answer.key === key;
  }

  function show(id) {
    var element = document.getElementById(id);
    if (element) {
      element.hidden = false;
    }
  }

  function login() {
    var go = function () {
      window.location.assign(d.redirect);
    };
    storageWindow('lti.put_data')
      .then(function (target) {
        if (!target) {
          return false;
        }
        var put = function (key) {
          return send(target, d.origin, { subject: 'lti.put_data', key: key, value: d.value })
            .then(function (answer) {
              return answered(answer, key);
            });
        };
        return Promise.all([put(d.stateKey), put(d.nonceKey)]).then(function (stored) {
          return stored[0] && stored[1];
        });
      })
      .then(function (stored) {
        if (stored) {
          go();
          return;
        }
        show('lti-storage-fallback');
        show('lti-storage-new-window');
        if (navigator.cookieEnabled) {
          go();
        }
      });
  }

  function launch() {
    var form = document.getElementById('lti-storage-repost');
    storageWindow('lti.get_data')
      .then(function (target) {
        if (!target) {
          return ['', ''];
        }
        var get = function (key) {
          return send(target, d.origin, { subject: 'lti.get_data', key: key })
            .then(function (answer) {
              return answered(answer, key) && typeof answer.value === 'string' ? answer.value : '';
            });
        };
        return Promise.all([get(d.stateKey), get(d.nonceKey)]);
      })
      .then(function (values) {
        form.elements.lti_storage_state.value = values[0];
        form.elements.lti_storage_nonce.value = values[1];
        form.submit();
      });
  }

  if (d.mode === 'login') {
    login();
  } else if (d.mode === 'launch') {
    launch();
  }
})();
